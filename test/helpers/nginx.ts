import { type ChildProcess, spawn } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Where Debian's nginx package puts the binary (CI installs it: .ci/run). */
export const NGINX = "/usr/sbin/nginx";
export const nginxAvailable = existsSync(NGINX);

/**
 * A real nginx in front of the given local ports, round robin (docs/deploy/nginx.conf is the production
 * version of this). A request the chosen process refuses (it is down) is passed on to the next one before
 * anything was sent; one cut off mid-way is answered 502, as in production.
 */
export async function startNginx(
  listenPort: number,
  upstreamPorts: number[],
): Promise<{ stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), "helpdesk-nginx-"));
  // Workers run as nobody when nginx starts as root: they must be able to write the temporary files.
  chmodSync(dir, 0o777);
  const conf = join(dir, "nginx.conf");
  writeFileSync(
    conf,
    `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream helpdesk {
${upstreamPorts.map((p) => `    server 127.0.0.1:${p} max_fails=0;`).join("\n")}
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${listenPort};
    location / {
      proxy_pass http://helpdesk;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_next_upstream error timeout;
      proxy_connect_timeout 2s;
      proxy_read_timeout 30s;
    }
  }
}
`,
  );
  const child: ChildProcess = spawn(NGINX, ["-c", conf, "-p", dir, "-e", `${dir}/error.log`], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  const errors: string[] = [];
  child.stderr?.on("data", (d) => errors.push(String(d)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${errors.join("")}`);
    const up = await fetch(`http://127.0.0.1:${listenPort}/healthz`).then(
      () => true,
      () => false,
    );
    if (up) break;
    if (i > 100) throw new Error(`nginx did not start: ${errors.join("")}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGQUIT");
      await exited;
    },
  };
}
