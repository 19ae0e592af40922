// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package serve

import (
	"errors"
	"reflect"
	"testing"
)

func TestSilenceDroppedLogs(t *testing.T) {
	off := map[string]string{
		"TF_LOG_SDK": "OFF", "TF_LOG_SDK_PROTO": "OFF",
		"TF_LOG_SDK_FRAMEWORK": "OFF", "TF_LOG_PROVIDER_PARTNERCENTER": "OFF",
	}
	cases := []struct {
		name    string
		environ []string
		want    map[string]string
	}{
		{"no switch", []string{"HOME=/root", "TF_IN_AUTOMATION=1"}, off},
		{"empty TF_LOG", []string{"TF_LOG="}, off},
		{"TF_LOG", []string{"TF_LOG=trace"}, map[string]string{}},
		{"TF_LOG_PROVIDER", []string{"TF_LOG_PROVIDER=debug"}, map[string]string{}},
		{"TF_LOG_PATH", []string{"TF_LOG_PATH=/tmp/tf.log"}, map[string]string{}},
		{"OpenTofu", []string{"TOFU_LOG=info"}, map[string]string{}},
		{"acceptance tests", []string{"TF_ACC_LOG_PATH=/tmp/acc.log"}, map[string]string{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := map[string]string{}
			err := SilenceDroppedLogs(tc.environ, func(k, v string) error { got[k] = v; return nil })
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("set %v, want %v", got, tc.want)
			}
		})
	}
}

func TestSilenceDroppedLogsReportsSetenvFailure(t *testing.T) {
	failure := errors.New("setenv refused")
	err := SilenceDroppedLogs(nil, func(string, string) error { return failure })
	if !errors.Is(err, failure) {
		t.Fatalf("got %v, want the setenv error", err)
	}
}
