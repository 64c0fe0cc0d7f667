namespace Hirekit.Web.Hosting;

/// <summary>The <c>Hirekit</c> configuration section as the web host reads it (see README, Configuration).</summary>
public sealed class HirekitWebOptions
{
    public const string Section = "Hirekit";

    /// <summary>The address people reach the server at, for links in the console and in e-mails. Empty: the listening address.</summary>
    public string? PublicUrl { get; set; }

    public DatabaseOptions Database { get; set; } = new();

    public SecurityOptions Security { get; set; } = new();

    public DiagnosticsOptions Diagnostics { get; set; } = new();

    public sealed class DatabaseOptions
    {
        public bool MigrateOnStartup { get; set; } = true;
    }

    public sealed class SecurityOptions
    {
        public int SignInAttemptsPerMinutePerIp { get; set; } = 10;

        public int ApplicationsPerHourPerIp { get; set; } = 20;

        /// <summary>Honour X-Forwarded-For/Proto from a reverse proxy (only behind one you control).</summary>
        public bool TrustForwardedHeaders { get; set; }
    }

    public sealed class DiagnosticsOptions
    {
        /// <summary>Adds <c>X-Hirekit-Queries</c> (SQL commands run by the request) to every response.</summary>
        public bool QueryCountHeader { get; set; }
    }
}
