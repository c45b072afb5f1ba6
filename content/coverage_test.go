package content_test

import (
	"testing"

	"github.com/errdex/errdex/content"
)

// seedCodes lists, per provider, every code that the seed documents in
// shared/seeds (and the facts in shared/providers.md) name. It is typed here
// by hand on purpose: it is the independent check that content/ lost nothing.
var seedCodes = map[string][]string{
	"clore": {
		"1", "2", "3", "4", "5",
		// code 6 error strings
		"server-dont-exist", "server-offline", "server-already-rented", "not_enough_balance",
		"cant_rent_from_yourself", "too_low_price", "you_already_have_spot_order", "currency-not-allowed",
		"machine-is-on-gigaspot", "you_dont_own_this_order", "order_not_active", "issue_description_too_long",
		"order_dont_exist", "amount_too_low", "can_lower_every_600_seconds", "exceeded_max_step",
		"server_dont_exist", "not_all_parameters_present", "invalid_mrl", "invalid_input",
	},
	"clawhosters": {
		"unauthorized", "forbidden", "not_found", "unprocessable_entity", "rate_limit_exceeded",
		"ratelimitexceeded", "internal_error",
	},
	"cline": {
		"400", "401", "402", "403", "404", "429", "500", "502", "503",
		"context_length_exceeded", "content_filter", "rate_limit", "server_error",
		"insufficient_credits", "stream_initialization_failed",
	},
	"aitbc": {
		"AUTH_MISSING_KEY", "AUTH_INVALID_KEY", "AUTH_EXPIRED_KEY", "AUTH_INSUFFICIENT_SCOPE",
		"JOB_NOT_FOUND", "JOB_ALREADY_CLAIMED", "JOB_ALREADY_COMPLETED", "JOB_ALREADY_CANCELLED",
		"JOB_EXPIRED", "JOB_INVALID_STATUS",
		"VALIDATION_MISSING_FIELD", "VALIDATION_INVALID_TYPE", "VALIDATION_OUT_OF_RANGE",
		"VALIDATION_INVALID_FORMAT", "VALIDATION_PROMPT_TOO_LONG", "VALIDATION_INVALID_MODEL",
		"MINER_NOT_FOUND", "MINER_ALREADY_REGISTERED", "MINER_OFFLINE", "MINER_CAPACITY_FULL",
		"RECEIPT_NOT_FOUND", "RECEIPT_INVALID_SIGNATURE", "RECEIPT_ALREADY_CLAIMED",
		"RATE_LIMIT_EXCEEDED", "RATE_QUOTA_EXCEEDED", "PAYMENT_INSUFFICIENT_BALANCE", "PAYMENT_FAILED",
		"SYSTEM_INTERNAL_ERROR", "SYSTEM_MAINTENANCE", "SYSTEM_OVERLOADED", "SYSTEM_UPSTREAM_ERROR",
	},
	"clipia": {
		"invalid_request", "invalid_api_key", "insufficient_credits", "insufficient_scope", "not_found",
		"idempotency_key_reuse", "request_in_progress", "model_input_invalid", "rate_limit_exceeded",
		"internal_error", "service_unavailable", "GENERATION_FAILED",
	},
}

// seedStatuses pins the documented HTTP status of codes whose status the
// seeds state, a sample per provider.
var seedStatuses = map[string]map[string]int{
	"clore":       {"1": 500, "2": 400, "3": 401, "4": 404, "5": 429},
	"clawhosters": {"unauthorized": 401, "forbidden": 403, "not_found": 404, "unprocessable_entity": 422, "rate_limit_exceeded": 429, "internal_error": 500},
	"cline":       {"400": 400, "401": 401, "402": 402, "403": 403, "404": 404, "429": 429, "500": 500, "502": 502, "503": 503},
	"aitbc":       {"JOB_EXPIRED": 410, "RATE_QUOTA_EXCEEDED": 429, "PAYMENT_INSUFFICIENT_BALANCE": 402, "SYSTEM_UPSTREAM_ERROR": 502, "MINER_OFFLINE": 503, "JOB_INVALID_STATUS": 400, "VALIDATION_INVALID_MODEL": 422},
	"clipia":      {"request_in_progress": 409, "idempotency_key_reuse": 409, "model_input_invalid": 422, "service_unavailable": 503, "insufficient_credits": 402},
}

func TestSeedCoverage(t *testing.T) {
	cat, problems := content.Load(content.FS)
	if len(problems) > 0 {
		t.Fatalf("content has %d problems; see TestRepositoryContentIsValid", len(problems))
	}
	for id, codes := range seedCodes {
		p := cat.Provider(id)
		if p == nil {
			t.Errorf("provider %s is missing from content/providers", id)
			continue
		}
		for _, code := range codes {
			if _, ok := p.Code(code); !ok {
				t.Errorf("%s: seed code %q is missing from the catalog", id, code)
			}
		}
		for code, status := range seedStatuses[id] {
			c, ok := p.Code(code)
			if !ok {
				continue
			}
			found := false
			for _, s := range c.Statuses {
				found = found || s == status
			}
			if !found {
				t.Errorf("%s %s: statuses %v, the seed documents %d", id, code, c.Statuses, status)
			}
		}
	}
}
