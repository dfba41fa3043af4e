using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;
using StationMap.Api.Infrastructure.QueryValues;
using StationMap.Api.MapPage;
using StationMap.Api.Security;
using StationMap.Store;
using StationMap.Store.Migrations;

namespace StationMap.Api.Infrastructure;

/// <summary>
/// What every feature stands on: the data sources and migrations, problem details, input hygiene, closed doors, rate
/// limits, JSON and OpenAPI; and the request pipeline in its order. Each feature registers its own services.
/// </summary>
public static class StationMapHosting
{
    public static WebApplicationBuilder AddStationMap(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.AddInputHygiene();
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton(sp =>
        {
            var configuration = sp.GetRequiredService<IConfiguration>();
            var timeoutMs = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ReadStatementTimeoutMs;
            return new StationDataSources(
                StationDatabase.ResolveConnectionString(configuration),
                StationDatabase.ResolveReadConnectionString(configuration),
                timeoutMs > 0 ? TimeSpan.FromMilliseconds(timeoutMs) : null);
        });
        services.AddSingleton(sp => new SchemaMigrator(sp.GetRequiredService<StationDataSources>().Write));
        services.AddHostedService<MigrateOnStart>();
        services.AddSingleton(TimeProvider.System);

        services.AddProblemDetails();
        services.AddClosedDoors();
        services.AddOperatorAuthentication();
        services.AddExceptionHandler<DatabaseUnavailableHandler>();
        services.AddTrustedProxies();
        services.AddRateLimits();
        services.AddOpenApi(DescribeApi);
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never;
            // Names and addresses are Chinese: written as UTF-8 they take half the bytes of \u escapes and less time
            // (the nearest answer is the hot path). HTML-sensitive characters stay escaped.
            json.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        });
        return builder;
    }

    /// <summary>How every OpenAPI document of the API states its operations and schemas.</summary>
    public static void DescribeApi(Microsoft.AspNetCore.OpenApi.OpenApiOptions options)
    {
        options.AddDocumentTransformer<KeySecuritySchemes>();
        options.AddOperationTransformer<KeySecuritySchemes>();
        options.AddOperationTransformer<JsonBodySchemas>();
        options.AddSchemaTransformer<QueryValueSchemas>();
        options.AddSchemaTransformer<WrittenSchemas>();
        options.CreateSchemaReferenceId = QueryValueSchemas.ReferenceId;
    }

    public static WebApplication UseStationMap(this WebApplication app)
    {
        app.UseTrustedProxies();
        // Problem details for unhandled exceptions and for bare status codes (404 from routing, 405...), never a stack
        // trace; a database that cannot answer is a 503 (DatabaseUnavailableHandler).
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseInputHygiene();
        app.UsePublicReadCors();
        app.UseRateLimiter();
        app.UseMapPage();
        // The one document by its fixed path: the default "/openapi/{documentName}.json" answers any other name with a text 404.
        app.MapOpenApi("/openapi/v1.json");
        // Without the default fonts: they come from Scalar's CDN, which the page's policy (and an offline network) refuses.
        app.MapScalarApiReference(ContentSecurityPolicies.DocsPath, options => options.WithTitle("StationMap API").DisableDefaultFonts());
        return app;
    }
}
