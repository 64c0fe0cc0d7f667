using System.Text.Json;
using System.Text.Json.Nodes;
using Hirekit.Core.Accounts;
using Hirekit.Core.Jobs;

namespace Hirekit.Web.Pages.Careers;

/// <summary>
/// schema.org JobPosting markup for search engines. The JSON is written with the default encoder,
/// which escapes &lt; and &gt;, so no text of the job can close the script element it sits in.
/// </summary>
public static class JobPostingJsonLd
{
    public static string For(Organization organization, Job job, string descriptionHtml, string url)
    {
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(job);
        var posting = new JsonObject
        {
            ["@context"] = "https://schema.org/",
            ["@type"] = "JobPosting",
            ["title"] = job.Title,
            ["description"] = descriptionHtml,
            ["datePosted"] = (job.OpenedAt ?? job.CreatedAt).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["hiringOrganization"] = new JsonObject { ["@type"] = "Organization", ["name"] = organization.Name },
            ["employmentType"] = job.EmploymentType,
            ["identifier"] = new JsonObject { ["@type"] = "PropertyValue", ["name"] = organization.Name, ["value"] = job.Id.ToString() },
            ["url"] = url,
            ["directApply"] = true,
        };
        if (job.ValidThrough is { } until)
        {
            posting["validThrough"] = until.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "T23:59:59Z";
        }

        var country = job.Location.Code?.Split('-')[0];
        if (job.Location.Remote)
        {
            posting["jobLocationType"] = "TELECOMMUTE";
            posting["applicantLocationRequirements"] = new JsonObject { ["@type"] = country is "EU" or null ? "AdministrativeArea" : "Country", ["name"] = country ?? job.Location.Name };
        }
        else
        {
            var address = new JsonObject { ["@type"] = "PostalAddress", ["addressLocality"] = job.Location.Name };
            if (country is not null and not "EU")
            {
                address["addressCountry"] = country;
            }

            if (job.Location.Code?.Split('-') is [_, var region])
            {
                address["addressRegion"] = region;
            }

            posting["jobLocation"] = new JsonObject { ["@type"] = "Place", ["address"] = address };
        }

        if (job.Description.Pay is { } pay)
        {
            posting["baseSalary"] = new JsonObject
            {
                ["@type"] = "MonetaryAmount",
                ["currency"] = pay.Currency,
                ["value"] = new JsonObject { ["@type"] = "QuantitativeValue", ["minValue"] = pay.Min, ["maxValue"] = pay.Max, ["unitText"] = "YEAR" },
            };
        }

        return posting.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }
}
