namespace StationMap.Domain.Checkins;

/// <summary>
/// One counted check-in as the status rules read it: who (a device's keyed hash, or an operator's name), when, what.
/// Only check-ins that weigh (see README, "Check-ins") are evidence.
/// </summary>
/// <param name="Voter">Tells devices (and operators) apart; equal for the same device, never the device id itself.</param>
/// <param name="ByOperator">An operator's word, worth <see cref="StatusRules.MinReporters"/> devices.</param>
public sealed record StatusEvidence(string Voter, DateTimeOffset At, CheckinKind Kind, Amenity Amenity = Amenity.None, bool ByOperator = false);
