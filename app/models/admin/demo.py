"""Demo users, one for every role, all with the password ``demo2026`` (documented in the
README). The demo database is in personal mode and opens as ``admin``; switch it to department
mode (Administration → Settings) to sign in as the others and see what each role may do."""

from __future__ import annotations

import json
import random
import sqlite3

from argon2.low_level import Type, hash_secret

from app.models.admin.identity import ARGON2

ORDER = 1
DEMO_PASSWORD = "demo2026"

#: (user name, display name, role key)
DEMO_USERS = (
    ("admin", "系统管理员 Admin", "administrator"),
    ("wang.qm", "王芳 Wang Fang", "quality_manager"),
    ("li.sqe", "李强 Li Qiang", "supplier_quality_engineer"),
    ("zhang.iqc", "张敏 Zhang Min", "incoming_inspector"),
    ("chen.cqe", "陈静 Chen Jing", "customer_quality_engineer"),
    ("zhao.viewer", "赵磊 Zhao Lei", "viewer"),
)


def _hash(password: str, salt: bytes) -> str:
    # the app's own parameters (identity.ARGON2); a seeded salt keeps the demo deterministic
    return hash_secret(password.encode(), salt, **ARGON2, hash_len=32, type=Type.ID).decode()


def extend_demo(conn: sqlite3.Connection, ctx) -> None:
    salts = random.Random(ctx.seed * 7919 + 1)  # own stream: the other demo data stays as it was
    stamp = f"{ctx.months[0]:%Y-%m-%d} 08:00:00.000000"
    roles = dict(conn.execute("SELECT key, id FROM roles").fetchall())
    for i, (username, display, role) in enumerate(DEMO_USERS, start=1):
        conn.execute("INSERT INTO users (id, username, display_name, email, password_hash, active, must_change_password,"
                     " failed_attempts, password_changed_at, created_at) VALUES (?,?,?,?,?,1,0,0,?,?)",
                     (i, username, display, f"{username}@plant.example.cn",
                      _hash(DEMO_PASSWORD, salts.randbytes(16)), stamp, stamp))
        conn.execute("INSERT INTO user_roles (user_id, role_id) VALUES (?, ?)", (i, roles[role]))
    settings = {"mode": "personal", "personal_user": "admin"}
    conn.execute("INSERT OR REPLACE INTO app_settings (key, value, updated_at) VALUES (?, ?, ?)",
                 ("admin.settings", json.dumps(settings), stamp))
    ctx.counts["users"] = len(DEMO_USERS)
