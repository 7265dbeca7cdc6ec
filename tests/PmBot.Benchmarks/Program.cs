Console.WriteLine("PmBot benchmarks: see README.md in this folder.");
