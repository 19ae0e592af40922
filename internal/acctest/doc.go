// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

// Package acctest holds what every service's acceptance tests share: where a test runs (Env: its own
// emulator, or the real Partner Center when TF_ACC and PARTNERCENTER_TEST_CUSTOMER_ID are set), the
// provider served in-process (ProviderFactories, ServeInProcess), a terraform CLI runner for what
// terraform-plugin-testing cannot see (CLI: warnings, several commands), plan and state checks,
// estates of many customers, and the configurations of the billing profile the tests declare.
//
// Acceptance tests import it from their service's external test package (package billing_test):
// it imports the provider, which imports every service.
package acctest
