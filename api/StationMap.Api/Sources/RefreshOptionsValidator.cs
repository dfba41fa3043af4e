using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace StationMap.Api.Sources;

/// <summary>
/// Checks every configured source at start, so a typo fails the deploy rather than a 03:00 job
/// (a bad cron expression is refused by Hangfire when <see cref="RefreshSchedule"/> registers it, also at start).
/// </summary>
internal sealed class RefreshOptionsValidator : IValidateOptions<RefreshOptions>
{
    public ValidateOptionsResult Validate(string? name, RefreshOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.Sources.Count; i++)
        {
            var source = options.Sources[i];
            var results = new List<ValidationResult>();
            if (!Validator.TryValidateObject(source, new ValidationContext(source), results, validateAllProperties: true))
            {
                failures.AddRange(results.Select(r => $"Refresh:Sources:{i} ({source.Name}): {r.ErrorMessage}"));
            }
        }
        if (options.RetryDelaysSeconds?.Any(d => d < 0) == true)
        {
            failures.Add("Refresh:RetryDelaysSeconds: delays must not be negative");
        }
        failures.AddRange(options.Sources.GroupBy(s => s.Name).Where(g => g.Count() > 1)
            .Select(g => $"Refresh:Sources: name '{g.Key}' is configured {g.Count()} times"));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
