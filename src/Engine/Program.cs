using Approval.Engine;
using Approval.Engine.Cases;
using Approval.Engine.Catalogue;
using Approval.Engine.Clock;
using Approval.Engine.Definitions;
using Approval.Engine.Http;
using Approval.Engine.Identity;
using Approval.Engine.Runtime;
using Approval.Engine.Scheduling;
using Approval.Engine.Statistics;
using Approval.Engine.Storage;
using Approval.Engine.Studio;
using Approval.Engine.Supervision;
using Approval.Engine.Tasks;
using Approval.Engine.Windows;

var builder = WebApplication.CreateBuilder(args);
DemoUsers.ThrowIfConfiguredOutsideDevelopment(builder.Configuration, builder.Environment);

builder.AddStorage();
builder.AddPlatformIdentity();
builder.AddFlowEngine();
builder.AddWorkingCalendar();
builder.AddCatalogue();
builder.AddWindows();
builder.AddCases();
builder.AddSupervision();
builder.AddTimers();
builder.AddStatistics();
builder.AddScheduling();
builder.AddHttpApi();
builder.AddStudio();

var app = builder.Build();

app.UseHttpApi();
app.UseAuthentication();
app.UseStudioLogin();
app.UseAuthorization();
app.UseAntiforgery();

app.MapHealthChecks("/health");
app.MapAuth();
app.MapBrowserLogin();
app.MapDefinitions();
app.MapCatalogue();
app.MapWindows();
app.MapCases();
app.MapTasks();
app.MapSupervisionApis();
app.MapTimersDashboard();
app.MapCalendar();
app.MapStatistics();
app.MapStudio();

await app.PrepareAsync();
app.Run();

public partial class Program;
