using Approval.Activities.Windows;
using Approval.Engine.Runtime;

namespace Approval.Engine.Windows;

internal static class WindowsExtensions
{
    /// <summary>The hall: windows, grants and staff, the window-authorisation port, and the guard on window steps.</summary>
    public static WebApplicationBuilder AddWindows(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<WindowOptions>()
            .Bind(builder.Configuration.GetSection("Windows"))
            .Validate(o => o.MinimumTermYears is >= 0 and <= 10, "Windows:MinimumTermYears must be between 0 and 10.")
            .ValidateOnStart();
        builder.Services.AddScoped<WindowEditor>();
        builder.Services.AddScoped<CreateWindow>();
        builder.Services.AddScoped<UpdateWindow>();
        builder.Services.AddScoped<DeleteWindow>();
        builder.Services.AddScoped<GrantItem>();
        builder.Services.AddScoped<WithdrawItem>();
        builder.Services.AddScoped<AssignStaff>();
        builder.Services.AddScoped<EndStaff>();
        builder.Services.AddScoped<RequestStaffChange>();
        builder.Services.AddScoped<DecideStaffChange>();
        builder.Services.AddScoped<WindowViews>();
        builder.Services.AddScoped<StaffRoster>();
        builder.Services.AddScoped<WindowDesk>();
        builder.Services.AddScoped<SampleHall>();
        builder.Services.AddScoped<DemoClerks>();
        builder.Services.AddScoped<ITaskGuard, WindowTaskGuard>();
        builder.Services.AddScoped<IWindowAuthority, WindowAuthority>();
        builder.Services.AddScoped<StaffChangeObserver>();
        builder.Services.AddScoped<IStepObserver>(sp => sp.GetRequiredService<StaffChangeObserver>());
        return builder;
    }
}
