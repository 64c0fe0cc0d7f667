using Hirekit.Web.Api.Applications;
using Hirekit.Web.Api.AsyncScreens;
using Hirekit.Web.Api.Audit;
using Hirekit.Web.Api.Candidates;
using Hirekit.Web.Api.Debriefs;
using Hirekit.Web.Api.Feedback;
using Hirekit.Web.Api.Health;
using Hirekit.Web.Api.Interviews;
using Hirekit.Web.Api.Jobs;
using Hirekit.Web.Api.Kits;
using Hirekit.Web.Api.Me;
using Hirekit.Web.Api.Members;
using Hirekit.Web.Api.Practice;
using Hirekit.Web.Api.Scorecards;
using Hirekit.Web.Api.Settings;
using Hirekit.Web.Api.Tokens;
using Hirekit.Web.Hosting;

var builder = WebApplication.CreateBuilder(HirekitHost.Options(args));
builder.AddHirekitLogging();
builder.AddHirekitStorage();
builder.AddHirekitSecurity();
builder.AddHirekitApi();
builder.AddHirekitPages();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseHirekitPipeline();

app.MapHealth();
app.MapOpenApi().AllowAnonymous();
app.MapMe();
app.MapTokens();
app.MapMembers();
app.MapKits();
app.MapQuestions();
app.MapJobs();
app.MapCandidates();
app.MapApplications();
app.MapInterviews();
app.MapAsyncScreens();
app.MapScorecards();
app.MapDebriefs();
app.MapFeedback();
app.MapSettings();
app.MapAudit();
app.MapPractice();
app.MapRazorPages();

await app.RunAsync();

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
