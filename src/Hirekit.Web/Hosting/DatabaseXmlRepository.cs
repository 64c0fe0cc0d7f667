using System.Xml.Linq;
using Hirekit.Data.DataProtection;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Hirekit.Web.Hosting;

/// <summary>
/// Data-protection keys live in the database, so every instance behind a load balancer accepts the
/// antiforgery tokens and protected values the others issued.
/// </summary>
public sealed class DatabaseXmlRepository(DataProtectionKeyStore store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() => store.ListXml().Select(XElement.Parse).ToList();

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        store.Add(friendlyName, element.ToString(SaveOptions.DisableFormatting));
    }
}
