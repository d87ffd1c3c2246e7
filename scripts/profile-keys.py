#!/usr/bin/env python3
"""Counts the instructions the inbox spends on keys, with valgrind's callgrind.

Starts `chatzy-inbox demo-server` on 127.0.0.1, runs the (release) inbox under callgrind in an
80x24 pty against it, waits for the first page, zeroes the counters, presses the keys, dumps the
counters and quits. Instruction counts are repeatable where times are not (shared machines).

  scripts/profile-keys.py [--binary .build/release/chatzy-inbox] [--keys jjjj] [--repeat 100]
                          [--before jjj] [--out /tmp/callgrind.keys]
Then: callgrind_annotate --inclusive=yes /tmp/callgrind.keys | head -60
"""
import argparse, os, pty, re, select, signal, subprocess, sys, time, fcntl, termios, struct

def main():
    p = argparse.ArgumentParser()
    p.add_argument("--binary", default=".build/release/chatzy-inbox")
    p.add_argument("--keys", default="j", help="keys pressed per round (e.g. 'j' or 'jk')")
    p.add_argument("--repeat", type=int, default=100)
    p.add_argument("--gap", type=float, default=0.05, help="seconds between keys")
    p.add_argument("--out", default="/tmp/callgrind.keys")
    p.add_argument("--contacts", type=int, default=3000)
    p.add_argument("--latency-ms", type=int, default=0)
    p.add_argument("--before", default="", help="keys pressed before the counters are zeroed (e.g. 24 j's to reach the view's bottom)")
    a = p.parse_args()

    server = subprocess.Popen([a.binary, "demo-server", "--port", "0", "--contacts", str(a.contacts),
                               "--latency-ms", str(a.latency_ms)],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        env = {"TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": "/tmp", "PATH": os.environ["PATH"]}
        deadline = time.time() + 120
        text = ""
        while time.time() < deadline and not ("CHATZY_TOKEN" in text and "CHATZY_API_URL" in text):
            text += server.stdout.readline()
        for name in ("CHATZY_API_URL", "CHATZY_EMAIL", "CHATZY_TOKEN"):
            m = re.search(name + r"=(\S+)", text)
            if not m: sys.exit("demo-server did not print " + name + ":\n" + text)
            env[name] = m.group(1)
        if os.path.exists(a.out): os.remove(a.out)
        pid, fd = pty.fork()
        if pid == 0:
            os.execvpe("valgrind", ["valgrind", "--tool=callgrind", "--callgrind-out-file=" + a.out,
                                    a.binary], env)
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        os.kill(pid, signal.SIGWINCH)
        seen = b""
        def drain(seconds):
            nonlocal seen
            end = time.time() + seconds
            while True:
                left = end - time.time()
                if left <= 0: return
                r, _, _ = select.select([fd], [], [], left)
                if r:
                    try: seen += os.read(fd, 65536)
                    except OSError: return
        deadline = time.time() + 180
        while time.time() < deadline and seen.count(b"\n") < 3 and b"wa" not in seen:
            drain(0.5)
        drain(5)  # first page, settling under valgrind
        for k in a.before:
            os.write(fd, k.encode())
            drain(a.gap)
        drain(1)
        subprocess.run(["callgrind_control", "-z", str(pid)], stdout=subprocess.DEVNULL)
        drain(0.5)
        for _ in range(a.repeat):
            for k in a.keys:
                os.write(fd, k.encode())
                drain(a.gap)
        drain(2)
        subprocess.run(["callgrind_control", "-d", str(pid)], stdout=subprocess.DEVNULL)
        drain(1)
        os.write(fd, b"q")
        drain(3)
        os.waitpid(pid, 0)
        presses = a.repeat * len(a.keys)
        print(f"{presses} presses; profile in {a.out}.1 (the dump) — per press:")
        dump = a.out + ".1" if os.path.exists(a.out + ".1") else a.out
        out = subprocess.run(["callgrind_annotate", dump], capture_output=True, text=True).stdout
        m = re.search(r"([\d,]+)\s+\(100.0%\)\s+PROGRAM TOTALS", out)
        if m:
            total = int(m.group(1).replace(",", ""))
            print(f"  {total // presses:,} instructions per press ({total:,} in all)")
    finally:
        server.terminate()
        server.wait()

if __name__ == "__main__":
    main()
