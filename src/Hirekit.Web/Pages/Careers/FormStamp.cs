using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace Hirekit.Web.Pages.Careers;

/// <summary>
/// A signed "form shown at" time in the apply form. People take more than a couple of seconds to
/// fill it in; scripts post at once or replay old forms. Both are quietly discarded.
/// </summary>
public sealed class FormStamp(IDataProtectionProvider protection, TimeProvider time)
{
    public static readonly TimeSpan MinimumFillTime = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan MaximumAge = TimeSpan.FromDays(1);

    private readonly IDataProtector _protector = protection.CreateProtector("Hirekit.Careers.FormStamp");

    public string Issue() => _protector.Protect(time.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture));

    /// <summary>True when the stamp is genuine and the form was filled in at human speed.</summary>
    public bool LooksHuman(string? stamp)
    {
        if (string.IsNullOrEmpty(stamp))
        {
            return false;
        }

        try
        {
            var shown = new DateTimeOffset(long.Parse(_protector.Unprotect(stamp), CultureInfo.InvariantCulture), TimeSpan.Zero);
            var age = time.GetUtcNow() - shown;
            return age >= MinimumFillTime && age <= MaximumAge;
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException or OverflowException)
        {
            return false;
        }
    }
}
