"use client";

// The client half of the page-weight baseline (see page.bench.tsx): the browser libraries the
// table pages load, used as they use them, and none of Grantdesk's components.
import * as Dialog from "@radix-ui/react-dialog";
import * as Popover from "@radix-ui/react-popover";
import * as Tooltip from "@radix-ui/react-tooltip";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  columnFilteringFeature,
  createColumnHelper,
  functionalUpdate,
  rowPaginationFeature,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
} from "@tanstack/react-table";
import { clsx } from "clsx";
import { CheckIcon } from "lucide-react";
import Link from "next/link";
import { createMultiParser, createSerializer, parseAsIsoDate, parseAsNumberLiteral, parseAsStringLiteral, useQueryStates } from "nuqs";
import { toast } from "sonner";

const features = tableFeatures({ rowPaginationFeature, rowSortingFeature, columnFilteringFeature, rowSelectionFeature });
const helper = createColumnHelper<typeof features, { id: number }>();
const columns = helper.columns([helper.accessor("id", { header: "Id" })]);
const searchParams = {
  page: parseAsNumberLiteral([1, 2]).withDefault(1),
  direction: parseAsStringLiteral(["asc", "desc"]),
  before: parseAsIsoDate,
  owner: createMultiParser<string[]>({ parse: (values) => [...values], serialize: (values) => values }),
};
const serialize = createSerializer(searchParams);

export function BaselineLibraries() {
  const [params, setParams] = useQueryStates(searchParams, { history: "push" });
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: ["baseline", params.page], queryFn: () => [{ id: params.page }], placeholderData: keepPreviousData });
  const mutation = useMutation({ mutationFn: async () => null, onSettled: () => queryClient.invalidateQueries() });
  const table = useTable({
    features,
    columns,
    data: query.data ?? [],
    manualPagination: true,
    manualSorting: true,
    manualFiltering: true,
    state: { pagination: { pageIndex: params.page - 1, pageSize: 30 } },
    onPaginationChange: (updater) => void setParams({ page: functionalUpdate(updater, { pageIndex: 0, pageSize: 30 }).pageIndex + 1 === 2 ? 2 : 1 }),
  });
  return (
    <>
      <table className={clsx("text-sm", mutation.isPending && "opacity-50")}>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id}>
              {row.getAllCells().map((cell) => (
                <td key={cell.id}>
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <Link href={serialize(params)} prefetch={false} onNavigate={() => mutation.mutate()}>
        <CheckIcon aria-hidden />
        {table.getIsAllRowsSelected() ? "all" : "some"} {table.getCanNextPage() ? "next" : "last"} {table.state.sorting.length}
      </Link>
      <Tooltip.Root>
        <Tooltip.Trigger onClick={() => toast.success("done", { description: "details" })}>hint</Tooltip.Trigger>
        <Tooltip.Portal>
          <Tooltip.Content side="bottom">text</Tooltip.Content>
        </Tooltip.Portal>
      </Tooltip.Root>
      <Popover.Root>
        <Popover.Trigger>filter</Popover.Trigger>
        <Popover.Portal>
          <Popover.Content aria-label="filter" align="start">
            <Popover.Close>close</Popover.Close>
          </Popover.Content>
        </Popover.Portal>
      </Popover.Root>
      <Dialog.Root>
        <Dialog.Trigger>open</Dialog.Trigger>
        <Dialog.Portal>
          <Dialog.Overlay />
          <Dialog.Content onCloseAutoFocus={(event) => event.preventDefault()}>
            <Dialog.Title>title</Dialog.Title>
            <Dialog.Description>description</Dialog.Description>
            <Dialog.Close>close</Dialog.Close>
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
    </>
  );
}
