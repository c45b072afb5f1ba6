package browsertest

import (
	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
)

// Protocol commands the tests send directly.
var (
	browserSetPermission      = browser.SetPermission
	emulationSetEmulatedMedia = emulation.SetEmulatedMedia
)

func permissionParams(name, origin string) browser.SetPermissionParams {
	return browser.SetPermissionParams{
		Permission: &browser.PermissionDescriptor{Name: name},
		Setting:    browser.PermissionSettingGranted,
		Origin:     origin,
	}
}

func darkMode() emulation.SetEmulatedMediaParams {
	return emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}}
}
