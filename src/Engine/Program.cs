using Approval.Engine;
using Approval.Engine.Identity;

// `create-user` makes one account (the first administrator of a production database) instead of serving.
var createUser = CreateUserCommandLine.From(args, out var usage);
if (usage is { } wrong)
{
    Console.Error.WriteLine(wrong);
    return 2;
}

var builder = WebApplication.CreateBuilder(createUser is null ? args : []);
if (createUser is not null)
{
    CreateUserCommandLine.Configure(builder);
}

// The features, their middleware and endpoints: see Startup.
builder.AddPlatform();
var app = builder.Build();
app.MapPlatform();

await app.PrepareAsync();
if (createUser is not null)
{
    return await createUser.RunAsync(app);
}

app.Run();
return 0;

public partial class Program;
