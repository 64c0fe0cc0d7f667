using System.Globalization;
using System.Text;
using Hirekit.Core.Candidates;
using Hirekit.Core.Common;
using Hirekit.Core.Mail;

namespace Hirekit.Core.Onboarding;

/// <summary>The welcome mail with the new hire's link to their plan.</summary>
public static class OnboardingMail
{
    public static OutgoingMail Welcome(string link, Candidate hire, string jobTitle, string organizationName, OnboardingPlan plan, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(hire);
        ArgumentNullException.ThrowIfNull(plan);
        var body = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Hello {hire.Name},")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Welcome to {organizationName}. Your first 90 days as {jobTitle} start on {plan.StartDate:d MMMM yyyy}, and we prepared a plan for them: what to do in each phase, who helps, and by when.")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Your onboarding plan: {link}")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"The link is personal and works until {plan.LinkExpiresAt.UtcDateTime:d MMMM yyyy}.")
            .ToString();
        return new OutgoingMail(Ids.New(), plan.OrganizationId, MailKinds.OnboardingPlan, hire.Email, hire.Name, $"Your onboarding plan at {organizationName}", body, null, null, now);
    }
}
