using Vivapolis.Api.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
Commands.Prepare(builder, args);
builder.AddVivapolis();

var app = builder.Build();
app.UseVivapolis();

return await Commands.RunAsync(app, args);
