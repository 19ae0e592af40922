# Manage the billing contact, email and address of one customer. Attributes left out (culture,
# language, the address's contact names, ...) keep whatever Partner Center holds.
resource "partnercenter_customer_billing_profile" "contoso" {
  customer_id  = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
  company_name = "Contoso Holdings"
  email        = "billing@contoso.example"

  default_address = {
    address_line1 = "1 Microsoft Way"
    city          = "Redmond"
    state         = "WA"
    postal_code   = "98052"
    country       = "US"
    phone_number  = "4255550100"
  }
}
