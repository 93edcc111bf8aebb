using Approval.Engine;
using Approval.Engine.Access;
using Approval.Engine.Audit;
using Approval.Engine.Cases;
using Approval.Engine.Catalogue;
using Approval.Engine.Deadlines;
using Approval.Engine.Definitions;
using Approval.Engine.Http;
using Approval.Engine.Identity;
using Approval.Engine.Materials;
using Approval.Engine.Runtime;
using Approval.Engine.Scheduling;
using Approval.Engine.Statistics;
using Approval.Engine.Statistics.YearOfCases;
using Approval.Engine.Storage;
using Approval.Engine.Studio;
using Approval.Engine.Supervision;
using Approval.Engine.Tasks;
using Approval.Engine.Windows;

// `generate-year` takes a simulated year of applications through the platform instead of serving (see README).
// `create-user` makes one account (the first administrator of a production database) instead of serving.
var yearOfCases = YearOfCasesCommand.From(args, out var usage);
var createUser = CreateUserCommandLine.From(args, out var userUsage);
if ((usage ?? userUsage) is { } wrong)
{
    Console.Error.WriteLine(wrong);
    return 2;
}

var builder = WebApplication.CreateBuilder(yearOfCases is null && createUser is null ? args : []);
if (yearOfCases?.Configure(builder) == false)
{
    return 2;
}

if (createUser is not null)
{
    CreateUserCommandLine.Configure(builder);
}

DemoUsers.ThrowIfConfiguredOutsideDevelopment(builder.Configuration, builder.Environment);

builder.AddStorage();
builder.AddAudit();
builder.AddPlatformIdentity();
builder.AddAccess();
builder.AddFlowEngine();
builder.AddDefinitions();
builder.AddTasks();
builder.AddDeadlines();
builder.AddCatalogue();
builder.AddWindows();
builder.AddCases();
builder.AddMaterials();
builder.AddSupervision();
builder.AddStatistics();
builder.AddScheduling();
builder.AddHttpApi();
builder.AddStudio();

var app = builder.Build();

app.UseHttpApi();
app.UseAuthentication();
app.UseStudioLogin();
app.UseAuthorization();
app.UseUnmatchedApiPaths();
app.UseAntiforgery();

app.MapHealthChecks("/health");
app.MapAuth();
app.MapUsers();
app.MapBrowserLogin();
app.MapDefinitions();
app.MapCatalogue();
app.MapWindows();
app.MapCases();
app.MapMaterials();
app.MapTasks();
app.MapSupervisionApis();
app.MapDeadlines();
app.MapStatistics();
app.MapStudio();
app.MapAudit();

await app.PrepareAsync();
if (yearOfCases is not null)
{
    return await yearOfCases.RunAsync(app);
}

if (createUser is not null)
{
    return await createUser.RunAsync(app);
}

app.Run();
return 0;

public partial class Program;
