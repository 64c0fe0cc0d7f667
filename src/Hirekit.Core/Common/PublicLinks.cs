namespace Hirekit.Core.Common;

/// <summary>The address people reach the product at, for links in e-mails and calendar invitations.</summary>
public sealed record PublicLinks(string BaseUrl)
{
    public const string Fallback = "http://127.0.0.1:5080";

    public string To(string path) => BaseUrl.TrimEnd('/') + path;
}
