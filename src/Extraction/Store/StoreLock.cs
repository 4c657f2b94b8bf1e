using System.Diagnostics;

namespace Extraction.Store;

/// <summary>Who holds a store's lock: a process (PID and start time, so a reused PID is not mistaken for it) on a host.</summary>
public sealed record StoreLockHolder(int Pid, DateTimeOffset ProcessStarted, string Host, DateTimeOffset Acquired, string Token)
{
    /// <summary>The current process as a lock holder.</summary>
    public static StoreLockHolder Current(TimeProvider time)
    {
        using var self = Process.GetCurrentProcess();
        return new StoreLockHolder(Environment.ProcessId, self.StartTime.ToUniversalTime(), Environment.MachineName, time.GetUtcNow(), Guid.NewGuid().ToString("N"));
    }

    /// <summary>
    /// False only when the holder is known to be gone: no process with that PID on this host, or one
    /// that started at another time. A holder on another host is taken to be alive (it cannot be checked).
    /// </summary>
    public bool IsAlive()
    {
        if (!string.Equals(Host, Environment.MachineName, StringComparison.Ordinal))
        {
            return true;
        }

        try
        {
            using var p = Process.GetProcessById(Pid);
            if (p.HasExited)
            {
                return false;
            }

            return Math.Abs((p.StartTime.ToUniversalTime() - ProcessStarted).TotalSeconds) < 1;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return false;
        }
    }

    public override string ToString() =>
        FormattableString.Invariant($"pid {Pid} on {Host} (process started {ProcessStarted:yyyy-MM-dd HH:mm:ss}Z, lock taken {Acquired:yyyy-MM-dd HH:mm:ss}Z)");
}
