using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using StationMap.Api.Infrastructure.QueryValues;
using StationMap.Api.Stations;
using StationMap.Api.Stations.Nearest;
using StationMap.Domain.Queries;

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

    /// <summary>The nearest query a query string gives, as the endpoint reads it, or null with every problem.</summary>
    public static NearestQuery? Nearest(string queryString, out IReadOnlyList<ParameterProblem> problems)
    {
        var (nearest, truck) = Bind<NearestParameters, TruckParameters>(queryString);
        var found = QueryCheck.Problems(nearest);
        found.AddRange(QueryCheck.Problems(truck));
        problems = found;
        return found.Count == 0 ? nearest.ToQuery(truck) : null;
    }
}
