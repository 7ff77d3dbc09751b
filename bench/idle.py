"""Idle CPU of the open dashboard (issue 16: watching the notes must cost <= 1% over 30 s).

Usage: idle.py SECONDS BINARY ARGS...  Starts the dashboard in a pseudo-terminal (100x30), waits
for its first full screen, reads the process's utime+stime from /proc/PID/stat, lets it sit for
SECONDS with no input, reads them again, then quits it with q. Prints the CPU used as a share of
one core."""
import fcntl, os, pty, select, struct, sys, termios, time

seconds, argv = float(sys.argv[1]), sys.argv[2:]
pid, fd = pty.fork()
if pid == 0:
    os.environ.update(TERM="xterm-256color", LANG="C.UTF-8")
    os.execv(argv[0], argv)
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))

def drain(until):
    """Reads what the program writes until `until` (a monotonic time); returns it."""
    out = b""
    while time.monotonic() < until:
        ready, _, _ = select.select([fd], [], [], max(0.0, until - time.monotonic()))
        if ready:
            try:
                out += os.read(fd, 65536)
            except OSError:
                break
    return out

def cpu_ticks():
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of the line)

screen, deadline = b"", time.monotonic() + 60
while b"q quit" not in screen and time.monotonic() < deadline:
    screen += drain(time.monotonic() + 0.2)
drain(time.monotonic() + 1.0)  # the first idle work (reading the activity ahead) is done
before, start = cpu_ticks(), time.monotonic()
drain(start + seconds)
used = (cpu_ticks() - before) / os.sysconf("SC_CLK_TCK")
elapsed = time.monotonic() - start
os.write(fd, b"q")
drain(time.monotonic() + 2)
os.waitpid(pid, 0)
share = 100 * used / elapsed
print(f"{used * 1000:.0f} ms of CPU in {elapsed:.0f} s idle = {share:.2f}% of one core "
      f"({'ok' if share <= 1 else 'FAIL'}: target <= 1%)")
