# Helpers shared by the bench scripts (sourced).

# Seconds from GNU time's "Elapsed (wall clock) time (h:mm:ss or m:ss): X".
wall_seconds() {
  grep 'Elapsed (wall clock)' "$1" | awk '{print $NF}' | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }'
}

# Peak RSS in MB from GNU time -v output.
peak_rss_mb() {
  grep 'Maximum resident set size' "$1" | awk '{printf "%.0f", $NF / 1024}'
}

# Sum of file sizes below a folder, in bytes.
folder_bytes() {
  find "$1" -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%.0f", s }'
}

machine_line() {
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GiB; $(dotnet --version 2>/dev/null | sed 's/^/.NET SDK /'); $(date -u +%Y-%m-%dT%H:%MZ)"
}

# User + system CPU seconds from GNU time -v output (less sensitive than wall time to other load on the machine).
cpu_seconds() {
  awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$1"
}

# "Percent of CPU this job got" from GNU time -v output (200% = both cores of a 2-core machine).
cpu_percent() {
  grep 'Percent of CPU' "$1" | awk '{print $NF}'
}

# The 1-minute load average: anything well above 0 means other work shared the cores during the measurement.
load_line() {
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
}

# Builds the CLI as a user would install it for nightly runs: published with ReadyToRun (precompiled,
# so a run does not spend its first second compiling AngleSharp and our code), and prints the
# binary's path. BENCH_BUILD=jit uses the plain `dotnet build` output instead (compiled at run time).
build_extract() {
  local root="$1" rid=""
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) rid=linux-x64 ;;
    Linux-aarch64) rid=linux-arm64 ;;
  esac
  if [[ "${BENCH_BUILD:-r2r}" == jit || -z "$rid" ]]; then
    dotnet build -c Release "$root/src/Extraction.Cli" -nologo -v q >/dev/null
    echo "$root/src/Extraction.Cli/bin/Release/net10.0/extract"
  else
    dotnet publish "$root/src/Extraction.Cli" -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true \
      -o "$root/bench/.build/$rid" -nologo -v q >/dev/null
    echo "$root/bench/.build/$rid/extract"
  fi
}

# For `-h`/`--help`, or an argument that is not a number: print the script's header comment
# (its usage) and exit, 0 for help and 2 for a usage error.
usage_or_die() {
  local script="$1"; shift
  local arg
  for arg in "$@"; do
    if [[ "$arg" == -h || "$arg" == --help ]]; then
      sed -n '2,/^set -euo/p' "$script" | sed '$d' | sed 's/^# \{0,1\}//'
      exit 0
    fi
    if ! [[ "$arg" =~ ^[0-9]+$ ]]; then
      echo "$(basename "$script"): '$arg' is not a number (see --help)" >&2
      exit 2
    fi
  done
}
