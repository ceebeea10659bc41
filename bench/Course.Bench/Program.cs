// Placeholder until the sgemm workload lands.
System.Console.WriteLine("{}");
