import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { LinkWithStats } from "@/lib/referrals/queries";
import { ArchiveLinkButton } from "./archive-link-button";
import { CopyLinkButton } from "./copy-link-button";

const count = new Intl.NumberFormat("en-US");

/** Links with their clicks (all, unique visitors, last 30 days) and referrals; partners also get copy and archive. */
export function LinksTable({
  links,
  appUrl,
  manage,
}: {
  links: LinkWithStats[];
  appUrl: string;
  manage: boolean;
}) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Link</TableHead>
          <TableHead className="hidden md:table-cell">Landing page</TableHead>
          <TableHead className="text-right">Clicks</TableHead>
          <TableHead className="text-right">Unique visitors</TableHead>
          <TableHead className="text-right">Last 30 days</TableHead>
          <TableHead className="text-right">Referrals</TableHead>
          {manage ? (
            <TableHead className="w-40">
              <span className="sr-only">Actions</span>
            </TableHead>
          ) : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {links.map((link) => {
          const url = new URL(`/r/${link.code}`, appUrl).toString();
          return (
            <TableRow key={link.id} data-testid="referral-link" data-code={link.code}>
              <TableCell>
                <div className="grid gap-1">
                  <span className="flex flex-wrap items-center gap-2 font-medium">
                    {link.isDefault ? "Default link" : link.campaign}
                    {link.archivedAt ? <Badge variant="secondary">Archived</Badge> : null}
                  </span>
                  <code className="text-xs break-all text-muted-foreground">{url}</code>
                </div>
              </TableCell>
              <TableCell className="hidden md:table-cell">{link.landingPageName}</TableCell>
              <TableCell className="text-right tabular-nums" data-testid="link-clicks">
                {count.format(link.clicks)}
                {link.botClicks > 0 ? (
                  <span className="block text-xs text-muted-foreground">
                    {count.format(link.botClicks)} from bots
                  </span>
                ) : null}
              </TableCell>
              <TableCell className="text-right tabular-nums">{count.format(link.uniqueVisitors)}</TableCell>
              <TableCell className="text-right tabular-nums">{count.format(link.clicksLast30Days)}</TableCell>
              <TableCell className="text-right tabular-nums" data-testid="link-referrals">
                {count.format(link.referrals)}
              </TableCell>
              {manage ? (
                <TableCell>
                  {link.archivedAt ? null : (
                    <div className="flex justify-end gap-1">
                      <CopyLinkButton url={url} />
                      {link.isDefault ? null : <ArchiveLinkButton id={link.id} code={link.code} />}
                    </div>
                  )}
                </TableCell>
              ) : null}
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
