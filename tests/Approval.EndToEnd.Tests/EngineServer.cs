using Approval.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.EndToEnd.Tests;

/// <summary>The Engine for the browser tests: quick to start, with timers kept in memory.</summary>
public sealed class EngineServer() : KestrelEngine("e2e", builder => builder
    // The browser tests sign in some forty times a minute from one address, as no one person does.
    .UseSetting("RateLimiting:Login:PermitLimit", "1000")
    .ConfigureTestServices(services =>
{
    // The demo users' passwords at full hashing strength would dominate the start.
    services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = 1000);
    services.AddSingleton<Hangfire.JobStorage>(new Hangfire.InMemory.InMemoryStorage());
}));
