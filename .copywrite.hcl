# Configuration of HashiCorp's copywrite tool (github.com/hashicorp/copywrite): `copywrite headers`
# adds the license header every source file carries, `copywrite license` checks LICENSE.
schema_version = 1

project {
  license          = "MPL-2.0"
  copyright_holder = "The terraform-provider-partnercenter authors"
  copyright_year   = 2026

  header_ignore = [
    "docs/**",
    "examples/**",
    "templates/**",
    "**/testdata/**",
    ".goreleaser.yml",
  ]
}
