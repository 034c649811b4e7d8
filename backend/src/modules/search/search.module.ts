import { Module } from '@nestjs/common';
import { SearchController } from './search.controller';
import { SearchService } from './search.service';

/** Global search (the command palette's `GET /api/v1/search`). Reads other modules' tables, writes nothing. */
@Module({
  controllers: [SearchController],
  providers: [SearchService],
})
export class SearchModule {}
