using FastEndpoints;
using Marten;
using Vivapolis.Api.Content;
using Vivapolis.Api.Features.Articles;
using Vivapolis.Api.Features.Auth;
using Vivapolis.Api.Infrastructure.OpenApi;

namespace Vivapolis.Api.Infrastructure;

/// <summary>The composition root's two halves: what the app is made of, and the order requests go through it.</summary>
public static class Composition
{
    public static WebApplicationBuilder AddVivapolis(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        services.AddSingleton(TimeProvider.System);
        builder.AddVivapolisTelemetry();
        services.AddVivapolisDatabase(config)
            .AddVivapolisProblems()
            .AddVivapolisHttp(config)
            .AddVivapolisHealth()
            .AddVivapolisAuth(config)
            .AddVivapolisOpenApi()
            .AddContentInfrastructure()
            .AddArticles()
            .AddScoped<Vivapolis.Api.Demo.DemoData>()
            .AddFastEndpoints();
        return builder;
    }

    public static WebApplication UseVivapolis(this WebApplication app)
    {
        app.UseVivapolisHttp();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseFastEndpoints(c =>
        {
            Json.Configure(c.Serializer.Options);
            c.Errors.ContentType = Problems.ContentType;
            c.Errors.ProducesMetadataType = typeof(Microsoft.AspNetCore.Http.HttpValidationProblemDetails);
            c.Errors.ResponseBuilder = (failures, http, status) => Problems.ValidationProblem(failures, http, status);
            c.Binding.FailureMessage = (type, property, value) => Problems.BindingMark + BindingFailure(type, value.ToString());
        });
        app.MapVivapolisHealth();
        app.UseSwagger(o => o.OpenApiVersion = Microsoft.OpenApi.OpenApiSpecVersion.OpenApi3_1);
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint($"/swagger/{OpenApiSetup.DocumentName}/swagger.json", "Vivapolis CMS API v1");
            o.RoutePrefix = "swagger";
        });
        return app;
    }

    private static string BindingFailure(Type type, string value)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target.IsEnum)
        {
            var allowed = string.Join(", ", Enum.GetValues(target).Cast<object>()
                .Select(v => System.Text.Json.JsonSerializer.Serialize(v, target, Json.Options).Trim('"')));
            return Text.Of($"Valeur « {value} » inconnue. Valeurs permises : {allowed}.", $"Unknown value '{value}'. Allowed values: {allowed}.");
        }
        var kind = target == typeof(int) || target == typeof(long) ? Text.Of("un nombre entier", "a whole number")
            : target == typeof(Guid) ? Text.Of("un identifiant UUID", "a UUID")
            : target == typeof(DateTimeOffset) || target == typeof(DateTime) ? Text.Of("une date ISO 8601", "an ISO 8601 date")
            : Text.Of("une valeur valide", "a valid value");
        return Text.Of($"« {value} » n'est pas {kind}.", $"'{value}' is not {kind}.");
    }
}
