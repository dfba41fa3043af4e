// The command-line importer is filled in by the importer issue; until then it says so instead of pretending.
Console.Error.WriteLine("stationmap-import: not implemented yet; load the demo data with scripts/run.sh");
return 2;
