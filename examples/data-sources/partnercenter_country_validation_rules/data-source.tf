# Partner Center's rules for addresses in one country, for checks of your own.
data "partnercenter_country_validation_rules" "de" {
  country = "DE"
}

output "germany_address_rules" {
  value = {
    state_required       = data.partnercenter_country_validation_rules.de.is_state_required
    postal_code_required = data.partnercenter_country_validation_rules.de.is_postal_code_required
    postal_code_pattern  = data.partnercenter_country_validation_rules.de.postal_code_regex
    default_culture      = data.partnercenter_country_validation_rules.de.default_culture
  }
}
