using System.Globalization;

namespace Hirekit.Testing;

/// <summary>
/// How many SQL statements a test server's request ran: the <c>X-Hirekit-Queries</c> header,
/// which <see cref="HirekitApp"/> turns on (<c>Hirekit:Diagnostics:QueryCountHeader</c>).
/// </summary>
public static class QueryCounts
{
    public static int Queries(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return int.Parse(response.Headers.GetValues("X-Hirekit-Queries").Single(), CultureInfo.InvariantCulture);
    }
}
