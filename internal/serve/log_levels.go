// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package serve

import "strings"

// droppedLoggers are the environment variables from which terraform-plugin-go, the framework and
// tflog read the levels of the loggers a provider process writes to: the SDK, its protocol
// subsystem, the framework subsystem and this provider's own logger (TF_LOG_PROVIDER_ plus the
// provider type).
var droppedLoggers = []string{"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_PROVIDER_PARTNERCENTER"}

// logSwitches are the prefixes of the variables that ask Terraform (TF_LOG, TF_LOG_PROVIDER,
// TF_LOG_PATH, ...), OpenTofu (TOFU_LOG...) or terraform-plugin-testing (TF_ACC_LOG...) for logs.
var logSwitches = []string{"TF_LOG", "TOFU_LOG", "TF_ACC_LOG"}

// SilenceDroppedLogs turns the provider's loggers off when the Terraform that started the process
// will drop everything they write. A provider logs every line at TRACE, as JSON on stderr, and
// Terraform parses each line and discards it unless TF_LOG or TF_LOG_PROVIDER is set: at 1,000
// resources that encoding and masking was a fifth of the provider's CPU and slowed whole runs by
// as much. Terraform passes its environment to the provider, so when no log switch is set in
// environ (os.Environ()) nothing is lost; when any is set, every logger stays as the libraries set
// it. Call it before serving, and not for a provider started with -debug, whose stderr is read
// directly. setenv is os.Setenv.
func SilenceDroppedLogs(environ []string, setenv func(key, value string) error) error {
	if logsWanted(environ) {
		return nil
	}
	for _, name := range droppedLoggers {
		if err := setenv(name, "OFF"); err != nil {
			return err
		}
	}
	return nil
}

// logsWanted reports whether environ sets any variable that asks for logs.
func logsWanted(environ []string) bool {
	for _, kv := range environ {
		name, value, _ := strings.Cut(kv, "=")
		if value == "" {
			continue
		}
		for _, prefix := range logSwitches {
			if strings.HasPrefix(name, prefix) {
				return true
			}
		}
	}
	return false
}
