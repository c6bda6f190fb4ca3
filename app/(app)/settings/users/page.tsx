import type { Metadata } from "next";

import { NewUserForm } from "@/components/users/new-user-form";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { requirePageRole } from "@/lib/auth/session";
import { listUsers } from "@/lib/users/store";

import { createUserAction } from "./actions";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  await requirePageRole("admin", "/settings/users");
  const users = await listUsers();
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">Users</h1>
      <Card>
        <table className="w-full text-left text-sm">
          <thead className="text-zinc-500">
            <tr>
              <th className="py-1 font-medium">Name</th>
              <th className="py-1 font-medium">Email</th>
              <th className="py-1 font-medium">Role</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className="border-t border-zinc-100 dark:border-zinc-800">
                <td className="py-1.5">{u.name}</td>
                <td className="py-1.5">{u.email}</td>
                <td className="py-1.5">
                  <Badge>{u.role}</Badge> {u.disabled && <Badge tone="bad">disabled</Badge>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      <Card title="Add a user">
        <NewUserForm action={createUserAction} />
      </Card>
    </div>
  );
}
