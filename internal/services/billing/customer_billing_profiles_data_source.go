// Copyright (c) The terraform-provider-partnercenter authors
// SPDX-License-Identifier: MPL-2.0

package billing

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/clients/partnercenter"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework"
	"github.com/partnercenter-oss/terraform-provider-partnercenter/internal/framework/pcglue"
)

var _ datasource.DataSourceWithConfigure = (*billingProfilesDataSource)(nil)

// Bounds of partnercenter_customer_billing_profiles: it reads as many profiles at a time as
// Terraform applies resources by default, within a read timeout sized for thousands of customers.
const (
	profilesReadParallelism    = 10
	defaultProfilesReadTimeout = 20 * time.Minute
)

// NewCustomerBillingProfilesDataSource returns the partnercenter_customer_billing_profiles data source.
func NewCustomerBillingProfilesDataSource() datasource.DataSource {
	return &billingProfilesDataSource{}
}

type billingProfilesDataSource struct {
	data *framework.ProviderData
}

type billingProfilesDataSourceModel struct {
	CustomerIDs types.Set      `tfsdk:"customer_ids"`
	ReadableIDs types.Set      `tfsdk:"readable_ids"`
	Unreadable  types.Map      `tfsdk:"unreadable"`
	Timeouts    timeouts.Value `tfsdk:"timeouts"`
}

const billingProfilesDataSourceDescription = "Reads the billing profiles of many customers, " +
	"ten at a time, and tells which of them can be read: `readable_ids` is ready for `import` blocks and " +
	"`for_each`, and `unreadable` says, for each of the others, why not. With it, one customer whose profile " +
	"Partner Center refuses does not fail the onboarding of all the others (see the onboarding guide).\n\n" +
	"A customer is left out only for an answer about that customer alone: Partner Center refused access to it " +
	"(HTTP 403, for example without the delegated access billing needs), no longer has it (HTTP 404, code 60003), " +
	"or holds its profile without a field every profile has (such as its culture). Anything that may concern " +
	"every customer (an outage, throttling that outlasts the retries, a refused credential, an answer that is no " +
	"profile at all) fails the read instead: a customer is never left out for it. So does a refusal (403) of every " +
	"customer asked for, which points at the credential (a missing role, an App-only token) rather than at each customer.\n\n" +
	"An `import` of a profile this data source has just read in the same plan uses that read instead of " +
	"reading the profile again."

func (d *billingProfilesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + typeNameCustomerBillingProfiles
}

func (d *billingProfilesDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: billingProfilesDataSourceDescription,
		Attributes: map[string]schema.Attribute{
			"customer_ids": schema.SetAttribute{
				MarkdownDescription: "The tenant ids of the customers whose profiles to read, such as " +
					"`data.partnercenter_customers.estate.ids`.",
				Required:    true,
				ElementType: types.StringType,
				Validators:  []validator.Set{setvalidator.ValueStringsAre(framework.GUIDValidator)},
			},
			"readable_ids": schema.SetAttribute{
				MarkdownDescription: "The tenant ids, in lower case, of the customers whose billing profiles were read.",
				Computed:            true,
				ElementType:         types.StringType,
			},
			"unreadable": schema.MapAttribute{
				MarkdownDescription: "For each customer left out, by tenant id in lower case, why: Partner Center's " +
					"answer with its HTTP status, code and description, the same on every read while the answer stays " +
					"the same (a warning adds the request ids a support case needs).",
				Computed:    true,
				ElementType: types.StringType,
			},
			"timeouts": timeouts.AttributesWithOpts(ctx, timeouts.Opts{ReadDescription: framework.TimeoutDescription(
				"the whole read", defaultProfilesReadTimeout, "The profiles are read ten at a time.")}),
		},
	}
}

func (d *billingProfilesDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = framework.Configured(req.ProviderData, &resp.Diagnostics)
}

func (d *billingProfilesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m billingProfilesDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	var ids []string
	resp.Diagnostics.Append(m.CustomerIDs.ElementsAs(ctx, &ids, false)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, ok := framework.OperationContext(ctx, pcglue.Client(d.data), m.Timeouts.Read, defaultProfilesReadTimeout, &resp.Diagnostics)
	if !ok {
		return
	}
	defer cancel()
	readable, unreadable, err := d.readProfiles(ctx, canonicalIDs(ids))
	if err != nil {
		about := framework.ReadSubject("the billing profiles of the customers asked for", "")
		about.Timeouts = true
		pcglue.AddError(&resp.Diagnostics, about, err)
		return
	}
	addLeftOutWarning(&resp.Diagnostics, unreadable)
	var diags diag.Diagnostics
	m.ReadableIDs, diags = types.SetValueFrom(ctx, types.StringType, readable)
	resp.Diagnostics.Append(diags...)
	reasons := make(map[string]string, len(unreadable))
	for id, err := range unreadable {
		reasons[id] = unreadableReason(err)
	}
	m.Unreadable, diags = types.MapValueFrom(ctx, types.StringType, reasons)
	resp.Diagnostics.Append(diags...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// readProfiles reads the profiles of ids (canonical, each once) for the data source: the ids read,
// sorted, and the answers that left the others out (see readEach). Each profile read is offered to
// the import that may follow (offerRead).
func (d *billingProfilesDataSource) readProfiles(ctx context.Context, ids []string) (readable []string, unreadable map[string]error, err error) {
	profiles, unreadable, err := readEach(ctx, ids, pcglue.Client(d.data).GetCustomerBillingProfile)
	if err != nil {
		return nil, nil, err
	}
	readable = make([]string, 0, len(profiles)) // empty, never null: for_each takes it as it is
	for id, p := range profiles {
		readable = append(readable, id)
		offerRead(d.data, id, p)
	}
	sort.Strings(readable)
	return readable, unreadable, nil
}

// readEach reads the profiles of ids with read, profilesReadParallelism at a time, and sorts them
// into the profiles read and the answers that left the others out, for a reason about that
// customer alone (see unreadableReason); unreadable is empty, never nil. It stops at the first
// failure that is not about one customer alone and returns it, and it refuses a read that Partner
// Center refused for every customer (refusedEverywhere). The data source and the list resource
// both read this way.
func readEach(ctx context.Context, ids []string, read func(context.Context, string) (*partnercenter.BillingProfile, error)) (
	profiles map[string]*partnercenter.BillingProfile, unreadable map[string]error, err error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	profiles, unreadable = map[string]*partnercenter.BillingProfile{}, map[string]error{}
	for r := range readConcurrently(ctx, ids, read) {
		switch {
		case r.err == nil:
			profiles[r.id] = r.profile
		case unreadableReason(r.err) != "":
			unreadable[r.id] = r.err
		case err == nil:
			err = r.err
			cancel() // the other reads end at once; their results are drained below
		}
	}
	if err != nil {
		return nil, nil, err
	}
	if err := refusedEverywhere(unreadable, len(ids)); err != nil {
		return nil, nil, err
	}
	return profiles, unreadable, nil
}

// refusedEverywhere is an error when Partner Center refused (403) every one of the n customers
// asked for: a refusal that meets every customer alike is more likely the credential's (a missing
// Partner Center role, an App-only token where App+User is needed) than each customer's, and a
// read that left them all out would onboard nobody without saying why.
func refusedEverywhere(unreadable map[string]error, n int) error {
	if n == 0 || len(unreadable) < n {
		return nil
	}
	var first error
	for _, err := range unreadable {
		if !partnercenter.IsForbidden(err) {
			return nil
		}
		first = err
	}
	return &everyCustomerRefused{n: n, err: first}
}

// everyCustomerRefused says that Partner Center refused every customer's billing profile.
type everyCustomerRefused struct {
	n   int
	err error // one of the refusals
}

func (e *everyCustomerRefused) Error() string {
	return fmt.Sprintf("Partner Center refused the billing profile of every one of the %d customers asked for (HTTP 403), "+
		"which points at the credential rather than at each customer; one of the answers: %v", e.n, e.err)
}

func (e *everyCustomerRefused) Unwrap() error { return e.err }

// profileRead is the outcome of reading one customer's billing profile.
type profileRead struct {
	id      string
	profile *partnercenter.BillingProfile
	err     error
}

// readConcurrently reads the profile of each of ids with read, profilesReadParallelism at a time,
// and sends each outcome on the channel it returns, which is closed after the last. Once ctx ends,
// the ids not yet started are not read.
func readConcurrently(ctx context.Context, ids []string,
	read func(context.Context, string) (*partnercenter.BillingProfile, error)) <-chan profileRead {
	jobs, results := make(chan string), make(chan profileRead)
	go func() {
		defer close(jobs)
		for _, id := range ids {
			select {
			case jobs <- id:
			case <-ctx.Done():
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range min(profilesReadParallelism, len(ids)) {
		wg.Go(func() {
			for id := range jobs {
				p, err := read(ctx, id)
				results <- profileRead{id, p, err}
			}
		})
	}
	go func() { wg.Wait(); close(results) }()
	return results
}

// unreadableReason says why a customer's profile cannot be managed when err is an answer about
// that customer alone: Partner Center refused access to it, no longer has it, or holds its profile
// without a field every profile has. It is "" for any other error, which may concern every
// customer alike (an outage, throttling, a credential, an answer that is no profile at all).
// The reason is the same on every read that meets the same answer (no request ids), so that
// `unreadable` changes only when an answer does; the warning of the read carries the ids.
func unreadableReason(err error) string {
	var apiErr *partnercenter.APIError
	var answerErr *partnercenter.AnswerError
	switch {
	case err == nil:
		return ""
	case partnercenter.IsForbidden(err) || partnercenter.IsCustomerNotFound(err):
		if errors.As(err, &apiErr) {
			return apiErr.Answer()
		}
	case partnercenter.IsIncompleteProfile(err):
		if errors.As(err, &answerErr) {
			return "Partner Center holds the billing profile without " + strings.Join(answerErr.Lacks, ", ") +
				", which every billing profile has"
		}
	}
	return ""
}

// addLeftOutWarning lists the customers left out, each with Partner Center's whole answer and its
// request ids, for a support case.
func addLeftOutWarning(diags *diag.Diagnostics, unreadable map[string]error) {
	if len(unreadable) == 0 {
		return
	}
	ids := slices.Sorted(maps.Keys(unreadable))
	var b strings.Builder
	for _, id := range ids {
		fmt.Fprintf(&b, "\n  - %s: %v", id, unreadable[id])
	}
	summary := fmt.Sprintf("%d billing profiles left out", len(ids))
	if len(ids) == 1 {
		summary = "1 billing profile left out"
	}
	diags.AddWarning(summary,
		"These customers' billing profiles could not be read, for a reason that concerns each of them alone; they "+
			"are in `unreadable`, not in `readable_ids`:"+b.String())
}

// canonicalIDs is ids in canonical form, each once.
func canonicalIDs(ids []string) []string {
	seen := map[string]bool{}
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if c := framework.CanonicalID(id); !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out
}
