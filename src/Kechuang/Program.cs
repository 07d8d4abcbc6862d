using Kechuang.Modules.Carriers;
using Kechuang.Modules.Commissioners;
using Kechuang.Modules.Contracts;
using Kechuang.Modules.Directory;
using Kechuang.Modules.Enterprises;
using Kechuang.Modules.Events;
using Kechuang.Modules.Market;
using Kechuang.Modules.Matching;
using Kechuang.Modules.Programs;
using Kechuang.Modules.Suggestions;
using Kechuang.Modules.Talent;
using Kechuang.Modules.Transfer;
using Kechuang.Platform;
using Kechuang.Platform.Access;
using Kechuang.Platform.Audit;
using Kechuang.Platform.Data;
using Kechuang.Platform.Demo;
using Kechuang.Platform.Indicators;
using Kechuang.Platform.Operations;
using Kechuang.Platform.Problems;
using Kechuang.Platform.Ui;

var command = CommandLine.Parse(args);
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = command.HostArgs,
    ContentRootPath = CommandLine.ContentRoot(command.HostArgs, System.IO.Directory.GetCurrentDirectory(), AppContext.BaseDirectory),
});
// `dotnet run` and the build output serve the assets of packages (AntDesign) and of the framework
// (blazor.web.js) from where they lie on disk, listed in the build's static web assets manifest; the host
// reads that manifest only in Development unless asked. A published app has no such manifest and this is
// a no-op there: its assets are copied into wwwroot.
builder.WebHost.UseStaticWebAssets();
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:5080");
}

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddKechuangData(builder.Configuration);
builder.Services.AddAccess(builder.Configuration);
builder.Services.AddAudit();
builder.Services.AddProblems();
builder.Services.AddUi();
builder.Services.AddApiDocs();
builder.Services.AddOperations(builder.Configuration);
builder.AddTelemetry();
builder.Services.AddScoped<Bootstrap>();

builder.Services.AddDirectory();
builder.Services.AddIndicators();
builder.Services.AddContracts();
builder.Services.AddEnterprises();
builder.Services.AddMarket(builder.Configuration);
builder.Services.AddCarriers();
builder.Services.AddCommissioners();
builder.Services.AddTransfer();
builder.Services.AddTalent();
builder.Services.AddEvents();
builder.Services.AddPrograms();
builder.Services.AddMatching();
builder.Services.AddSuggestions();

var app = builder.Build();

if (command.Name != "serve")
{
    return await CommandLine.RunAsync(app, command);
}

if (!await Startup.PrepareDatabaseAsync(app))
{
    return 1;
}

app.UseReverseProxy(app.Configuration);
app.UseProblems();
app.UseSecurity();
app.UseStaticFiles();
app.UseUi();
app.UseAuthentication();
app.UseMiddleware<CurrentUserMiddleware>();
app.UseMustChangePassword();
app.UseAuthorization();
app.UseAntiforgery();

app.MapHealth();
app.MapMetrics();
app.MapApiDocs();
app.MapAccess();
app.MapAudit();
app.MapDirectory();
app.MapIndicators();
app.MapContracts();
app.MapEnterprises();
app.MapMarket();
app.MapCarriers();
app.MapCommissioners();
app.MapTransfer();
app.MapTalent();
app.MapEvents();
app.MapPrograms();
app.MapMatching();
app.MapSuggestions();
app.MapUi();

await app.RunAsync();
return 0;

public partial class Program;
