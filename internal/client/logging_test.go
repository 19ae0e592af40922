package client

import "testing"

func TestRedactCredentialsMasksValuesAndKeepsTheirNames(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, in, want string }{
		{"a bearer token is masked", "Authorization: Bearer eyJ0eXAi.x.y rejected", "Authorization: Bearer *** rejected"},
		{"a form body's secrets are masked", "client_id=abc&client_secret=s3cr%2Bt&refresh_token=0.AX-y&scope=x",
			"client_id=abc&client_secret=***&refresh_token=***&scope=x"},
		{"a JSON answer's tokens are masked", `{"access_token":"emu-at-1","refresh_token": "emu-rt-2"}`, `{"access_token":"***","refresh_token": "***"}`},
		{"a client assertion is masked", "client_assertion=eyJhbGci.e30.sig&x=1", "client_assertion=***&x=1"},
		{"text without credentials is left alone", "AADSTS7000215: Invalid client secret provided.", "AADSTS7000215: Invalid client secret provided."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := RedactCredentials(tt.in); got != tt.want {
				t.Errorf("RedactCredentials(%q) =\n%q, want\n%q", tt.in, got, tt.want)
			}
		})
	}
}
