# Summarises `terraform show -json <planfile>` for a pull request: one block per billing profile
# the plan changes, with each changed attribute as before -> after, and a count of the profiles
# imported or left unchanged. Usage:
#   terraform plan -out=tfplan && terraform show -json tfplan | jq -r -f plan-summary.jq

# changes lists "path: before -> after" for each leaf that differs between $b and $a, or that $u
# (after_unknown) marks as known only after apply.
def changes($b; $a; $u; $prefix):
  ($a | keys_unsorted[]) as $k
  | ($b // {} | .[$k]) as $bv
  | ($a[$k]) as $av
  | ($u // {} | .[$k] // false) as $uv
  | if $uv == true then "\($prefix)\($k): \($bv | tojson) -> (known after apply)"
    elif ($av | type) == "object" then changes($bv; $av; $uv; "\($prefix)\($k).")
    elif $bv != $av then "\($prefix)\($k): \($bv | tojson) -> \($av | tojson)"
    else empty end;

[.resource_changes[] | select(.type == "partnercenter_customer_billing_profile")] as $profiles
| ($profiles | map(select(.change.actions != ["no-op"]))) as $changed
| ($profiles | map(select(.change.actions == ["no-op"] and .change.importing != null)) | length) as $imported
| ($changed[]
   | "\(.address) (\(.change.before.company_name // .change.after.company_name // "?")): \(.change.actions | join(", "))" +
       (if .change.after == null then " (Terraform forgets it; Partner Center keeps the profile)" else "" end),
     (select(.change.after != null)
      | changes(.change.before; .change.after; .change.after_unknown; "") | select(startswith("etag:") | not) | "  " + .)),
  "billing profiles changed: \($changed | length), imported without change: \($imported), unchanged: \($profiles | length - ($changed | length) - $imported)"
