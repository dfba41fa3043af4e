using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using StationMap.Domain.Queries;

namespace StationMap.Api.Infrastructure.QueryValues;

/// <summary>Checks records of query parameters against the attributes on their properties.</summary>
public static class QueryCheck
{
    private sealed record Parameter(QueryRule Rule, Func<object, QueryValue?> Read);

    private static readonly ConcurrentDictionary<Type, Parameter[]> Parameters = new();

    /// <summary>Every problem with <paramref name="parameters"/>; empty when it is valid.</summary>
    public static List<ParameterProblem> Problems(IQueryParameters parameters)
    {
        var problems = new List<ParameterProblem>();
        Collect(parameters, problems);
        return problems;
    }

    /// <summary>
    /// Checks every <see cref="IQueryParameters"/> argument of the endpoints under <paramref name="builder"/> before their
    /// handlers run. Endpoints without one get no filter at all.
    /// </summary>
    public static TBuilder CheckQueryParameters<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((context, next) =>
        {
            var records = context.MethodInfo.GetParameters()
                .Where(p => typeof(IQueryParameters).IsAssignableFrom(p.ParameterType))
                .ToArray();
            if (records.Length == 0)
            {
                return next;
            }
            var positions = records.Select(p => p.Position).ToArray();
            var known = KnownNames(records.Select(p => p.ParameterType));
            return invocation =>
            {
                var problems = new List<ParameterProblem>();
                foreach (var position in positions)
                {
                    Collect((IQueryParameters)invocation.Arguments[position]!, problems);
                }
                if (known is not null)
                {
                    Unknown(invocation.HttpContext.Request.Query, known, problems);
                }
                return problems.Count == 0 ? next(invocation) : ValueTask.FromResult<object?>(ValidationProblems.From(problems));
            };
        });

    /// <summary>Checks one value against <paramref name="rule"/>; absent (or blank) is a problem only when the rule requires it.</summary>
    public static void Value(QueryValue? value, QueryRule rule, List<ParameterProblem> problems)
    {
        if (value is { IsBlank: false })
        {
            value.Check(rule, problems);
        }
        else if (rule.MissingReason is { } missing)
        {
            problems.Add(new(rule.Name, missing));
        }
    }

    // The names every record of an endpoint reads, when one of them rejects the rest; null when none does.
    private static KnownParameters? KnownNames(IEnumerable<Type> records)
    {
        var types = records.ToList();
        if (!types.Any(t => t.IsDefined(typeof(RejectsUnknownParametersAttribute), inherit: false)))
        {
            return null;
        }
        var names = types.SelectMany(Of).Select(p => p.Rule.Name).ToList();
        return new(names.ToHashSet(StringComparer.OrdinalIgnoreCase), string.Join(", ", names));
    }

    private static void Unknown(IQueryCollection query, KnownParameters known, List<ParameterProblem> problems)
    {
        foreach (var name in query.Keys)
        {
            if (!known.Names.Contains(name))
            {
                problems.Add(new(name, $"is not a parameter of this endpoint; expected any of {known.Listed}"));
            }
        }
    }

    private sealed record KnownParameters(HashSet<string> Names, string Listed);

    private static void Collect(IQueryParameters parameters, List<ParameterProblem> problems)
    {
        foreach (var parameter in Of(parameters.GetType()))
        {
            Value(parameter.Read(parameters), parameter.Rule, problems);
        }
        parameters.Check(problems);
    }

    private static Parameter[] Of(Type type) => Parameters.GetOrAdd(type, static type =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => typeof(QueryValue).IsAssignableFrom(p.PropertyType))
            .OrderBy(p => p.MetadataToken)
            .Select(p => new Parameter(Rule(p), o => (QueryValue?)p.GetValue(o)))]);

    private static QueryRule Rule(PropertyInfo property)
    {
        var name = property.GetCustomAttribute<FromQueryAttribute>()?.Name
            ?? throw new InvalidOperationException($"{property.DeclaringType?.Name}.{property.Name} needs [FromQuery(Name = ...)]: the name clients send");
        var required = property.GetCustomAttribute<RequiredAttribute>();
        var range = property.GetCustomAttribute<RangeAttribute>();
        return new QueryRule(
            name,
            required is null ? null : required.ErrorMessage ?? "is required",
            range is null ? null : Convert.ToDouble(range.Minimum, System.Globalization.CultureInfo.InvariantCulture),
            range is null ? null : Convert.ToDouble(range.Maximum, System.Globalization.CultureInfo.InvariantCulture),
            range?.MinimumIsExclusive ?? false);
    }
}
