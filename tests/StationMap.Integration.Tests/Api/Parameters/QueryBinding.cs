using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace StationMap.Integration.Tests.Api.Parameters;

/// <summary>Binds records of query parameters from a query string the way the API does: through ASP.NET's own request delegate.</summary>
internal static class QueryBinding
{
    public static (T1, T2) Bind<T1, T2>(string queryString)
    {
        (T1, T2)? bound = null;
        var factory = RequestDelegateFactory.Create(([AsParameters] T1 first, [AsParameters] T2 second) => { bound = (first, second); });
        var context = new DefaultHttpContext
        {
            RequestServices = new ServiceCollection().BuildServiceProvider(),
        };
        context.Request.QueryString = new QueryString("?" + queryString);
        factory.RequestDelegate(context).GetAwaiter().GetResult();
        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        return bound ?? throw new InvalidOperationException("the handler was not called");
    }
}
