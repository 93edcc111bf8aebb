using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Storage;

/// <summary>The production database.</summary>
public sealed class SqlServerApprovalDbContext(DbContextOptions<SqlServerApprovalDbContext> options) : ApprovalDbContext(options);
