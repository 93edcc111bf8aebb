using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Approval.Engine.Storage;

internal sealed class DatabaseHealthCheck(ApprovalDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database cannot be reached.");
}
