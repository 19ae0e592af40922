// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

//go:build !race

package partnercenter

// raceDetector reports whether the tests run with the race detector, under which logging a 4 MiB
// answer at TRACE takes seconds rather than a fraction of one.
const raceDetector = false
