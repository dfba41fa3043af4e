using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace StationMap.Integration.Tests.Jobs;

/// <summary>A station feed on 127.0.0.1 whose behaviour a test switches: serve the file (with ETag), fail, or stall.</summary>
public sealed class FeedServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _inFlight;

    private FeedServer(WebApplication app) => _app = app;

    public FeedMode Mode { get; set; } = FeedMode.Serve;

    public byte[] Content { get; set; } = [];

    public string ETag { get; set; } = "\"v1\"";

    /// <summary>How long each request is held before it is answered (to make overlaps visible).</summary>
    public TimeSpan Hold { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// When set, request n (from 1) is answered with the content this makes of n, under an ETag of its own: a feed that
    /// changes between any two refreshes, so each one imports.
    /// </summary>
    public Func<int, byte[]>? ContentOf { get; set; }

    public int Requests;

    /// <summary>Requests being answered now.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);
    public int NotModifiedAnswers;
    public int MaxInFlight;

    public string Url { get; private set; } = "";

    public static async Task<FeedServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FeedServer(app);
        app.MapGet("/feed.csv", (Delegate)server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Url = address + "/feed.csv";
        return server;
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        var number = Interlocked.Increment(ref Requests);
        var now = Interlocked.Increment(ref _inFlight);
        int seen;
        while ((seen = MaxInFlight) < now && Interlocked.CompareExchange(ref MaxInFlight, now, seen) != seen)
        {
        }
        try
        {
            try
            {
                await Task.Delay(Hold, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client gave up (a refresh stopped): the request is no longer in flight.
                return Results.Empty;
            }
            switch (Mode)
            {
                case FeedMode.Fail:
                    return Results.StatusCode(500);
                case FeedMode.Stall:
                    await Task.Delay(TimeSpan.FromSeconds(20), context.RequestAborted);
                    return Results.StatusCode(500);
            }
            if (ContentOf is { } contentOf)
            {
                context.Response.Headers.ETag = $"\"r{number}\"";
                return Results.Bytes(contentOf(number), "text/csv");
            }
            if (context.Request.Headers.IfNoneMatch.ToString() == ETag)
            {
                Interlocked.Increment(ref NotModifiedAnswers);
                return Results.StatusCode(304);
            }
            context.Response.Headers.ETag = ETag;
            return Results.Bytes(Content, "text/csv");
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

public enum FeedMode
{
    Serve,
    Fail,
    Stall,
}
