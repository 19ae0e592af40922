// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"errors"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/credential"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/settings"
)

// addCredentialError reports a credential that cannot be used.
func addCredentialError(diags *diag.Diagnostics, err error) {
	var missing *credential.MissingError
	if errors.As(err, &missing) {
		diags.AddError("No Partner Center credential",
			"The provider needs a credential to call Partner Center, and "+err.Error()+"\n\n"+
				"Each attribute can also be set through its environment variable, such as "+settings.EnvAccessToken+", "+
				settings.EnvTenantID+", "+settings.EnvClientID+", "+settings.EnvClientSecret+" and "+settings.EnvRefreshToken+". See the provider documentation.")
		return
	}
	diags.AddError("Invalid Partner Center credential", err.Error())
}
