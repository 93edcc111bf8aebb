using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Approval.Activities.Contract;
using Approval.Engine.Identity;
using Microsoft.AspNetCore.Identity;

namespace Approval.YearOfCases;

/// <summary>
/// The people of the simulated year: a clerk at each window, a handler and a head in each department,
/// and a supervisor who reads the report. Their accounts are made once, with a random password, and
/// each signs in over HTTP like anyone else; the tokens carry their windows and departments. An
/// administrator of the run seats each clerk at their window (the hall's own rules decide what a
/// window may accept).
/// </summary>
internal sealed class YearStaff
{
    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);

    public string Supervisor => _tokens["supervisor"];

    public string Clerk(string window) => _tokens[$"clerk-{window}"];

    public string Handler(string department) => _tokens[$"handler-{department}"];

    public string Head(string department) => _tokens[$"head-{department}"];

    /// <summary>Who completes a task for <paramref name="role"/> of <paramref name="department"/>; window steps by the case's own clerk.</summary>
    public string For(string role, string department, string window) => role switch
    {
        Roles.DepartmentHandler => Handler(department),
        Roles.DepartmentHead => Head(department),
        _ => Clerk(window),
    };

    public static async Task<YearStaff> CreateAsync(
        IServiceProvider services, HttpClient http, IEnumerable<string> windows, IEnumerable<string> departments, CancellationToken ct)
    {
        var seats = windows.ToList();
        var accounts = seats.Select(w => ($"clerk-{w}", Roles.WindowStaff, (string?)null, (string?)w))
            .Concat(departments.SelectMany(d => new[] { ($"handler-{d}", Roles.DepartmentHandler, (string?)d, (string?)null), ($"head-{d}", Roles.DepartmentHead, d, null) }))
            .Append(("supervisor", Roles.Supervisor, null, null))
            .Append(("admin", Roles.Administrator, null, null));
        var password = $"Y{Convert.ToHexString(RandomNumberGenerator.GetBytes(12))}a#1";
        var staff = new YearStaff();
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        foreach (var (name, role, department, window) in accounts)
        {
            var user = new ApplicationUser { UserName = $"year-{name}", DisplayName = name, Department = department, Window = window };
            Check(await users.CreateAsync(user, password), name);
            Check(await users.AddToRoleAsync(user, role), name);
            var response = await http.PostAsJsonAsync("/api/auth/login", new { userName = user.UserName, password }, ct);
            response.EnsureSuccessStatusCode();
            staff._tokens[name] = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("accessToken").GetString()!;
        }

        foreach (var window in seats)
        {
            using var seat = new HttpRequestMessage(HttpMethod.Post, $"/api/windows/{window}/staff")
            {
                Content = JsonContent.Create(new { userName = $"year-clerk-{window}" }),
            };
            seat.Headers.Authorization = new("Bearer", staff._tokens["admin"]);
            var seated = await http.SendAsync(seat, ct);
            if (!seated.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"Seating the clerk of {window}: {(int)seated.StatusCode} {await seated.Content.ReadAsStringAsync(ct)}");
            }
        }

        return staff;
    }

    private static void Check(IdentityResult result, string name)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Account {name}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
