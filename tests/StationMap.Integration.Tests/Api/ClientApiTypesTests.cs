using System.Diagnostics;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using StationMap.Api.Infrastructure;
using StationMap.Integration.Tests.Infrastructure;

namespace StationMap.Integration.Tests.Api;

/// <summary>
/// The map client's types for API answers (<c>map-client/src/generated/api-schema.ts</c>) are made by openapi-typescript
/// from the OpenAPI document: generated again here from the live document, they must equal the committed file.
/// <c>scripts/openapi-types.sh</c> writes the file by running this test with <c>STATIONMAP_WRITE_API_TYPES=1</c>.
/// Needs no database: the document depends on the endpoints, not on data.
/// </summary>
public sealed class ClientApiTypesTests
{
    private const string GeneratedFile = "map-client/src/generated/api-schema.ts";
    private const string Regenerate = "scripts/openapi-types.sh";

    [Fact]
    public async Task Committed_client_types_are_generated_from_the_current_document()
    {
        string document;
        await using (var factory = new DocumentOnlyFactory())
        {
            document = await factory.CreateClient().GetStringAsync("/openapi/v1.json");
        }
        var generated = await OpenApiTypeScriptAsync(document);
        var path = Path.Combine(PrivateCluster.RepositoryRoot, GeneratedFile);
        if (Environment.GetEnvironmentVariable("STATIONMAP_WRITE_API_TYPES") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, generated);
            return;
        }
        var committed = File.Exists(path) ? await File.ReadAllTextAsync(path) : "";
        Assert.True(committed == generated,
            $"{GeneratedFile} is not what the API's OpenAPI document generates (first difference: {FirstDifference(committed, generated)}). " +
            $"Run {Regenerate} and commit the file.");
    }

    private static async Task<string> OpenApiTypeScriptAsync(string document)
    {
        var client = Path.Combine(PrivateCluster.RepositoryRoot, "map-client");
        var cli = Path.Combine(client, "node_modules", "openapi-typescript", "bin", "cli.js");
        Assert.True(File.Exists(cli), $"{cli} is missing: install the map client's packages (scripts/map-client.sh).");
        var input = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(input, document);
            var start = new ProcessStartInfo("node") { WorkingDirectory = client, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(cli);
            start.ArgumentList.Add(input);
            using var node = Process.Start(start)!;
            var output = node.StandardOutput.ReadToEndAsync();
            var errors = node.StandardError.ReadToEndAsync();
            await node.WaitForExitAsync();
            Assert.True(node.ExitCode == 0, $"openapi-typescript failed ({node.ExitCode}): {await errors}");
            return await output;
        }
        finally
        {
            File.Delete(input);
        }
    }

    private static string FirstDifference(string committed, string generated)
    {
        var a = committed.Split('\n');
        var b = generated.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var left = i < a.Length ? a[i] : "(end of file)";
            var right = i < b.Length ? b[i] : "(end of file)";
            if (left != right)
            {
                return $"line {i + 1}: committed `{left.Trim()}`, generated `{right.Trim()}`";
            }
        }
        return "none";
    }

    /// <summary>The API without its start-up work (migrations, the index load, the refresh schedule): nothing to connect to.</summary>
    private sealed class DocumentOnlyFactory : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Hangfire:Server:Enabled", "false");
            builder.ConfigureServices(services =>
            {
                // Hangfire's storage would create its schema (and wait on a database that is not there) when the dashboard is mapped.
                services.RemoveAll<JobStorage>();
                services.AddSingleton<JobStorage>(sp => new PostgreSqlStorage(
                    sp.GetRequiredService<HangfireConnections>(), new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = false }));
                foreach (var hosted in services.Where(s => s.ServiceType == typeof(IHostedService)
                    && s.ImplementationType?.Assembly == typeof(Program).Assembly).ToList())
                {
                    services.Remove(hosted);
                }
            });
        }
    }
}
