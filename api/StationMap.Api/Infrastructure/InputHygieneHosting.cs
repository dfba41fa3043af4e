using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace StationMap.Api.Infrastructure;

/// <summary>Registration of the request limits: Kestrel's, the request-target check, and the body limits endpoints read.</summary>
public static class InputHygieneHosting
{
    public static WebApplicationBuilder AddInputHygiene(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RequestLimitsOptions>().BindConfiguration(RequestLimitsOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IConfigureOptions<KestrelServerOptions>, KestrelLimits>();
        // After AddProblemDetails' own writer, which it only stands in for.
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton<IProblemDetailsWriter, ProblemJsonWriter>();
        builder.Services.AddSingleton<BodyMemory>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<BodyMemory>());
        builder.Services.Replace(ServiceDescriptor.Singleton<IMemoryPoolFactory<byte>, RetainedBlockPool.Factory>());
        return builder;
    }

    /// <summary>Early in the pipeline, so no static file, endpoint or dashboard sees a target that is not clean text.</summary>
    public static IApplicationBuilder UseInputHygiene(this IApplicationBuilder app) => app.UseMiddleware<RequestTargetHygiene>();
}
